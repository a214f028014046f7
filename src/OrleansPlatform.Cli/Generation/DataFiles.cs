using System.Globalization;
using System.Text;
using OrleansPlatform.Imports;

namespace OrleansPlatform.Cli.Generation;

/// <summary>
/// Writes a generator's output into a directory: <c>areas.csv</c> (code,name,ruralPopulation; parent
/// first) and <c>households.csv</c> (the household import format, <see cref="HouseholdCsv"/>), both
/// UTF-8 without a byte-order mark.
/// </summary>
public static class DataFiles
{
    /// <summary>Name of the areas file.</summary>
    public const string AreasFile = "areas.csv";

    /// <summary>Name of the households file.</summary>
    public const string HouseholdsFile = "households.csv";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes both files; <paramref name="progress"/> is called with the households written so far, every few thousand.</summary>
    public static GenerationResult Write(ProvinceGenerator generator, string directory, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Directory.CreateDirectory(directory);
        var areasPath = Path.Combine(directory, AreasFile);
        var householdsPath = Path.Combine(directory, HouseholdsFile);
        using (var writer = new StreamWriter(areasPath, append: false, Utf8))
        {
            WriteAreas(generator.Areas, writer);
        }

        long households = 0;
        long people = 0;
        using (var writer = new StreamWriter(householdsPath, append: false, Utf8, bufferSize: 1 << 16))
        {
            var csv = new HouseholdCsvWriter(writer);
            foreach (var (id, record) in generator.Households())
            {
                csv.Write(id, record);
                households++;
                people += record.Members!.Count;
                if (households % 4096 == 0)
                {
                    progress?.Invoke(households);
                }
            }
        }

        progress?.Invoke(households);
        return new GenerationResult(generator.Areas.Count, households, people, new FileInfo(areasPath).Length, new FileInfo(householdsPath).Length);
    }

    /// <summary>Writes the areas as CSV with a header row.</summary>
    public static void WriteAreas(IEnumerable<GeneratedArea> areas, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("code,name,ruralPopulation\r\n");
        foreach (var area in areas)
        {
            writer.Write(area.Code);
            writer.Write(',');
            writer.Write(Quoted(area.Name));
            writer.Write(',');
            writer.Write(area.RuralPopulation?.ToString(CultureInfo.InvariantCulture));
            writer.Write("\r\n");
        }
    }

    private static string Quoted(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
