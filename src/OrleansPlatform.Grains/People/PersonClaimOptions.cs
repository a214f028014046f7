namespace OrleansPlatform.People;

/// <summary>Settings of ID-number claims (configuration section <c>People</c>).</summary>
public sealed class PersonClaimOptions
{
    /// <summary>
    /// How long a fresh claim is trusted without asking its holder whether it still lists the person.
    /// It must exceed the time a household write takes; after it a claim left behind by a failed write
    /// is taken over by the next claimant.
    /// </summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromMinutes(1);
}
