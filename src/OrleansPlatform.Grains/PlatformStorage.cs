namespace OrleansPlatform;

/// <summary>Names of the storage providers grains persist to.</summary>
public static class PlatformStorage
{
    /// <summary>The grain storage provider backed by PostgreSQL.</summary>
    public const string Name = "platform";
}
