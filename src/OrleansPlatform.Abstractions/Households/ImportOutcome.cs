namespace OrleansPlatform.Households;

/// <summary>What importing one household did. Only this travels back, not the whole record.</summary>
[GenerateSerializer, Alias("OrleansPlatform.ImportOutcome")]
public enum ImportOutcome
{
    /// <summary>The household was new and is now registered.</summary>
    Created,

    /// <summary>The household existed and got a new version.</summary>
    Updated,

    /// <summary>The household already had this very record: nothing was written.</summary>
    Unchanged,
}
