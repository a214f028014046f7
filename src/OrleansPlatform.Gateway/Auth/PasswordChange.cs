using System.ComponentModel.DataAnnotations;

namespace OrleansPlatform.Gateway.Auth;

/// <summary>An account changing its own password.</summary>
public sealed record PasswordChange(
    [Required] string? CurrentPassword,
    [Required] string? NewPassword);
