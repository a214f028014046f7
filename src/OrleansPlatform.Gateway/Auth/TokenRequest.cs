using System.ComponentModel.DataAnnotations;

namespace OrleansPlatform.Gateway.Auth;

/// <summary>Sign-in with login and password.</summary>
public sealed record TokenRequest(
    [Required, StringLength(64)] string? Login,
    [Required, StringLength(128)] string? Password,
    bool SetCookie = false);
