using OrleansPlatform.Accounts;

namespace OrleansPlatform.Gateway.Accounts;

/// <summary>The account after a PUT, and on creation its generated initial password (shown this once, never stored in clear).</summary>
public sealed record AccountPutResponse(AccountView Account, string? InitialPassword);
