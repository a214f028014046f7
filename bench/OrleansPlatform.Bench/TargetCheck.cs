namespace OrleansPlatform.Bench;

/// <summary>One target of the issue: what it asks, what was measured, and whether it was met (null when not measured).</summary>
public sealed record TargetCheck(string Name, string Goal, string Measured, bool? Met);
