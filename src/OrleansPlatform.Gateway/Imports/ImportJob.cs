using OrleansPlatform.Access;

namespace OrleansPlatform.Gateway.Imports;

/// <summary>An accepted upload waiting to be imported: the job id, the stored file and who imports it.</summary>
public sealed record ImportJob(string Id, string FilePath, Caller Caller);
