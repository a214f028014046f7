using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansPlatform.Silo.Database;

/// <summary>One versioned schema change, shipped as an embedded <c>NNNN_name.sql</c> file.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script, to detect a migration edited after it was applied.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>The migrations embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations have version {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"^migrations/(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}
