using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace OrleansPlatform.Silo.Hosting;

/// <summary>What code writing grain-state rows outside the storage provider needs from its options.</summary>
public static class PlatformStorageOptions
{
    /// <summary>
    /// The platform storage provider's serializer, so that rows written or read directly use the same format
    /// the grains read and write.
    /// </summary>
    public static IGrainStorageSerializer PlatformSerializer(this IOptionsMonitor<AdoNetGrainStorageOptions> storage) =>
        storage.Get(PlatformStorage.Name).GrainStorageSerializer
        ?? throw new InvalidOperationException($"The grain storage {PlatformStorage.Name} has no serializer configured.");
}
