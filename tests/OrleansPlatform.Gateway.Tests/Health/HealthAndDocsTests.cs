using OrleansPlatform.Access;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OrleansPlatform.Gateway.Health;

namespace OrleansPlatform.Gateway.Tests.Health;

public class HealthAndDocsTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _http = factory.CreateClientAs(Role.SystemAdmin, null);

    [Fact]
    public async Task Live_answers_200()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Ready_reports_postgres_and_cluster_healthy()
    {
        var response = await _http.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_postgres_check_is_unhealthy_when_the_database_does_not_answer()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2");

        var result = await new PostgresHealthCheck(unreachable).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_area_endpoints()
    {
        var response = await _http.GetAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var area = document.GetProperty("paths").GetProperty("/api/v1/areas/{code}");
        Assert.True(area.TryGetProperty("put", out _));
        Assert.True(area.TryGetProperty("get", out _));
    }

    [Fact]
    public async Task The_docs_page_serves_an_interactive_ui_for_that_document()
    {
        var page = await _http.GetStringAsync("/docs/index.html");
        var init = await _http.GetStringAsync("/docs/index.js");

        Assert.Contains("swagger-ui", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/openapi/v1.json", init, StringComparison.Ordinal);
    }
}
