using System.ComponentModel.DataAnnotations;

namespace OrleansPlatform.Gateway.Accounts;

/// <summary>A new password set by an administrator.</summary>
public sealed record PasswordReset([Required] string? NewPassword);
