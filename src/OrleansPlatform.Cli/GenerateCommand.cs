using System.Diagnostics;
using System.Globalization;
using OrleansPlatform.Cli.Generation;

namespace OrleansPlatform.Cli;

/// <summary><c>platform generate --size tiny|county|province --seed N --out DIR</c>: writes synthetic areas and households.</summary>
public static class GenerateCommand
{
    /// <summary>One line of usage.</summary>
    public const string Usage = "platform generate --size tiny|county|province --seed N --out DIR";

    /// <summary>Runs the command; returns the exit code. Throws <see cref="UsageException"/> on bad arguments.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = new CommandLine(args, ["size", "seed", "out"]);
        var sizeText = options.Required("size");
        var size = sizeText switch
        {
            "tiny" => GenerationSize.Tiny,
            "county" => GenerationSize.County,
            "province" => GenerationSize.Province,
            _ => throw new UsageException($"Unknown size '{sizeText}'; expected tiny, county or province."),
        };
        var seedText = options.Required("seed");
        if (!int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            throw new UsageException($"The seed '{seedText}' is not a whole number between {int.MinValue} and {int.MaxValue}.");
        }

        var directory = options.Required("out");
        var clock = Stopwatch.StartNew();
        var generator = new ProvinceGenerator(size, seed);
        var total = generator.Profile.Households;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generating {sizeText} (seed {seed}): {generator.Areas.Count:N0} areas, {total:N0} households into {Path.GetFullPath(directory)}"));

        var lastReport = TimeSpan.Zero;
        var result = DataFiles.Write(generator, directory, written =>
        {
            var now = clock.Elapsed;
            if (now - lastReport >= TimeSpan.FromSeconds(1) || written == total)
            {
                lastReport = now;
                var rate = written / Math.Max(now.TotalSeconds, 0.001);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  households {written:N0} / {total:N0} ({100.0 * written / total:0}%), {rate:N0}/s"));
            }
        });

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Done in {clock.Elapsed.TotalSeconds:0.0} s: {DataFiles.AreasFile} {result.Areas:N0} areas ({result.AreasBytes:N0} bytes), {DataFiles.HouseholdsFile} {result.Households:N0} households, {result.People:N0} people/rows ({result.HouseholdsBytes:N0} bytes)."));
        return 0;
    }
}
