using System.ComponentModel.DataAnnotations;

namespace OrleansPlatform.Gateway.Auth;

/// <summary>An account changing its own password.</summary>
public sealed record PasswordChange(
    [property: Required] string? CurrentPassword,
    [property: Required] string? NewPassword);
