using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansPlatform.Households;

/// <summary>Field-level differences between two versions of a record, as JSON paths (<c>members[2].idNumber</c>).</summary>
public static class RecordDiff
{
    /// <summary>Every leaf that differs between <paramref name="before"/> and <paramref name="after"/> (either may be null).</summary>
    public static IReadOnlyList<FieldChange> Between<T>(T? before, T? after)
    {
        var changes = new List<FieldChange>();
        Compare("", ToNode(before), ToNode(after), changes);
        return changes;
    }

    private static JsonNode? ToNode<T>(T? value) => value is null ? null : JsonSerializer.SerializeToNode(value, PlatformJson.Options);

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    Compare(path.Length == 0 ? key : $"{path}.{key}", a[key], b[key], changes);
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Compare($"{path}[{i}]", i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, changes);
                }

                break;
            case (JsonObject or JsonArray, null):
            case (null, JsonObject or JsonArray):
                var node = (before ?? after)!;
                var empty = node is JsonObject ? (JsonNode)new JsonObject() : new JsonArray();
                Compare(path, before ?? empty, after ?? empty, changes);
                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    changes.Add(new FieldChange(path, before?.ToJsonString(), after?.ToJsonString()));
                }

                break;
        }
    }
}
