using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace OrleansPlatform.IntegrationTests;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml is checked statically: it parses, and its
/// services, builds, environment and dependencies describe a runnable platform.
/// </summary>
public class DockerComposeTests
{
    private static readonly Dictionary<object, object> Compose = Load();

    private static Dictionary<object, object> Services => Map(Compose["services"]);

    [Fact]
    public void It_has_postgres_migrate_silo_and_gateway_services()
    {
        Assert.Equal(["gateway", "migrate", "postgres", "silo"], Services.Keys.Cast<string>().Order());
    }

    [Fact]
    public void Postgres_uses_the_official_image_and_reports_health()
    {
        var postgres = Map(Services["postgres"]);

        Assert.Matches(@"^postgres:\d+", (string)postgres["image"]);
        Assert.True(postgres.ContainsKey("healthcheck"));
        Assert.Equal("platform", Map(postgres["environment"])["POSTGRES_DB"]);
    }

    [Fact]
    public void Migrate_is_a_one_shot_job_that_waits_for_a_healthy_database()
    {
        var migrate = Map(Services["migrate"]);

        Assert.Equal(["migrate"], List(migrate["command"]));
        Assert.Equal("no", migrate["restart"]);
        Assert.Equal("service_healthy", Condition(migrate, "postgres"));
        AssertPointsAtPostgres(migrate);
    }

    [Fact]
    public void Two_silo_replicas_start_after_migration_and_advertise_their_own_address()
    {
        var silo = Map(Services["silo"]);

        Assert.Equal("2", Map(silo["deploy"])["replicas"]);
        Assert.Equal("service_completed_successfully", Condition(silo, "migrate"));
        Assert.Equal("auto", Map(silo["environment"])["Orleans__Endpoints__AdvertisedIPAddress"]);
        AssertPointsAtPostgres(silo);
    }

    [Fact]
    public void The_gateway_publishes_port_8080_and_waits_for_the_silos()
    {
        var gateway = Map(Services["gateway"]);

        Assert.Contains("8080:8080", List(gateway["ports"]));
        Assert.Equal("service_started", Condition(gateway, "silo"));
        Assert.Equal("service_completed_successfully", Condition(gateway, "migrate"));
        AssertPointsAtPostgres(gateway);
    }

    [Fact]
    public void The_gateway_takes_its_token_signing_key_from_the_environment_and_refuses_to_start_without_one()
    {
        var key = (string)Map(Map(Services["gateway"])["environment"])["Auth__SigningKey"];

        Assert.StartsWith("${PLATFORM_SIGNING_KEY:?", key, StringComparison.Ordinal);
    }

    [Fact]
    public void No_database_password_is_fixed_in_the_file()
    {
        var postgres = (string)Map(Map(Services["postgres"])["environment"])["POSTGRES_PASSWORD"];
        var connection = (string)Map(Map(Services["gateway"])["environment"])["ConnectionStrings__Platform"];

        Assert.StartsWith("${POSTGRES_PASSWORD:?", postgres, StringComparison.Ordinal);
        Assert.Contains("Password=${POSTGRES_PASSWORD:?", connection, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate", "OrleansPlatform.Silo")]
    [InlineData("silo", "OrleansPlatform.Silo")]
    [InlineData("gateway", "OrleansPlatform.Gateway")]
    public void Each_build_names_a_dockerfile_that_publishes_and_starts_its_project(string service, string project)
    {
        var build = Map(Map(Services[service])["build"]);
        var dockerfile = Path.Combine(RepositoryPaths.Root, (string)build["context"], (string)build["dockerfile"]);

        Assert.True(File.Exists(dockerfile), $"{dockerfile} is missing");
        var text = File.ReadAllText(dockerfile);
        var published = Regex.Match(text, @"dotnet publish (\S+\.csproj)").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, published)), $"{dockerfile} publishes {published}, which does not exist");
        Assert.Contains($"src/{project}/{project}.csproj", published, StringComparison.Ordinal);
        Assert.Matches($@"ENTRYPOINT \[""dotnet"", ""{Regex.Escape(project)}\.dll""\]", text);
    }

    [Fact]
    public void Every_mounted_config_folder_exists()
    {
        foreach (var service in Services.Values.Select(Map).Where(s => s.ContainsKey("volumes")))
        {
            foreach (var volume in List(service["volumes"]).Where(v => v.StartsWith("./", StringComparison.Ordinal)))
            {
                var source = volume.Split(':')[0];
                Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, source)), $"{source} is missing");
            }
        }
    }

    private static void AssertPointsAtPostgres(Dictionary<object, object> service)
    {
        var connection = (string)Map(service["environment"])["ConnectionStrings__Platform"];
        Assert.Contains("Host=postgres;", connection, StringComparison.Ordinal);
        Assert.Contains("Database=platform", connection, StringComparison.Ordinal);
    }

    private static string Condition(Dictionary<object, object> service, string dependency) =>
        (string)Map(Map(service["depends_on"])[dependency])["condition"];

    private static Dictionary<object, object> Map(object node) => Assert.IsType<Dictionary<object, object>>(node);

    private static List<string> List(object node) => Assert.IsType<List<object>>(node).Cast<string>().ToList();

    private static Dictionary<object, object> Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        var parser = new MergingParser(new Parser(reader));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(parser);
    }
}
