namespace OrleansPlatform.Cli;

/// <summary>Options of the form <c>--name value</c> or <c>--name=value</c>, each given at most once.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>, accepting only the option names in <paramref name="known"/>.</summary>
    public CommandLine(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(known);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unexpected argument '{arg}'.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[2..equals] : arg[2..];
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"Option --{name} needs a value.");
            }

            if (!known.Contains(name))
            {
                throw new UsageException($"Unknown option --{name}; expected {string.Join(", ", known.Select(k => "--" + k))}.");
            }

            if (!options.TryAdd(name, value))
            {
                throw new UsageException($"Option --{name} is given twice.");
            }
        }
    }

    /// <summary>The value of an optional option, or null.</summary>
    public string? Optional(string name) => options.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The value of a required option.</summary>
    public string Required(string name) =>
        options.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new UsageException($"Option --{name} is required.");
}
