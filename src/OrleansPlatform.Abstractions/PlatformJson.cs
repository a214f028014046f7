using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansPlatform;

/// <summary>The JSON conventions of the platform: camelCase names, enums as camelCase strings only.</summary>
public static class PlatformJson
{
    /// <summary>Shared options (read-only once first used).</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the platform's conventions to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
