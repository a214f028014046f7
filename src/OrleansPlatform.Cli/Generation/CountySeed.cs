namespace OrleansPlatform.Cli.Generation;

/// <summary>A county to generate: its 6-digit code (under a real city code) and, when known, its name.</summary>
public sealed record CountySeed(string Code, string? Name);
