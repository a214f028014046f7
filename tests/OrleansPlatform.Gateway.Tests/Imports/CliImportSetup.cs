using OrleansPlatform.Access;
using OrleansPlatform.Accounts;
using OrleansPlatform.Cli;
using OrleansPlatform.Cli.Generation;

namespace OrleansPlatform.Gateway.Tests.Imports;

/// <summary>
/// The tiny generated data set in a temporary folder and a system administrator of the gateway, ready
/// for <c>platform import</c> to be run against that gateway. Deletes the folder when disposed.
/// </summary>
public sealed class CliImportSetup : IDisposable
{
    private readonly GatewayFactory _factory;
    private readonly string _password;
    private readonly string[] _args;

    private CliImportSetup(GatewayFactory factory, string directory, GenerationResult generated, string login, string password, int pollMs)
    {
        _factory = factory;
        _password = password;
        Directory = directory;
        Generated = generated;
        _args =
        [
            "--file", HouseholdsFile,
            "--areas", Path.Combine(directory, DataFiles.AreasFile),
            "--url", "http://unused", "--login", login, "--poll-ms", pollMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>The folder holding the generated files.</summary>
    public string Directory { get; }

    /// <summary>What the generator wrote.</summary>
    public GenerationResult Generated { get; }

    /// <summary>The generated households file.</summary>
    public string HouseholdsFile => Path.Combine(Directory, DataFiles.HouseholdsFile);

    /// <summary>Generates the tiny data set with <paramref name="seed"/> and creates the account <paramref name="login"/>.</summary>
    public static async Task<CliImportSetup> CreateAsync(GatewayFactory factory, int seed, string login, string password, int pollMs)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("platform-cli-").FullName;
        var generated = DataFiles.Write(new ProvinceGenerator(GenerationSize.Tiny, seed), directory);
        await factory.EnsureAccountAsync(login, Role.SystemAdmin, null);
        await factory.Cluster.GetGrain<IAccountGrain>(GrainKeys.Account(login)).SetPasswordAsync(password, null);
        return new CliImportSetup(factory, directory, generated, login, password, pollMs);
    }

    /// <summary>Runs <c>platform import</c> with the account's password, or <paramref name="password"/> instead; returns its exit code.</summary>
    public Task<int> RunAsync(TextWriter output, string? password = null) =>
        ImportCommand.RunAsync(_args, output, _factory.CreateClient(), name => name == ImportCommand.PasswordVariable ? password ?? _password : null);

    /// <inheritdoc/>
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
