namespace OrleansPlatform.Gateway.Auth;

/// <summary>A signed bearer token: send it as <c>Authorization: Bearer …</c>.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, DateTimeOffset ExpiresAt);
