using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlatform.Access;
using OrleansPlatform.Gateway.Access;

namespace OrleansPlatform.Gateway.Tests.Access;

/// <summary>A gateway with the Orleans dashboard turned on.</summary>
public sealed class DashboardGatewayFactory : GatewayFactory
{
    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Orleans:Dashboard", "true");
    }
}

/// <summary>The Orleans dashboard has no authentication of its own: the gateway lets administrators only in.</summary>
public class DashboardTests(DashboardGatewayFactory factory) : IClassFixture<DashboardGatewayFactory>
{
    [Fact]
    public async Task The_dashboard_answers_administrators_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.CreateClientAsAsync(Role.Auditor, "610204000000")).GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.CreateClientAsAsync(Role.SystemAdmin, null)).GetAsync("/dashboard/")).StatusCode);
    }

    [Fact]
    public void Every_dashboard_endpoint_requires_the_administrators_policy()
    {
        var dashboard = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/dashboard", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(dashboard);
        Assert.All(dashboard, e => Assert.Contains(
            e.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            a => a.Policy == RequirePermissionAttribute.PolicyName(Permission.Administer)));
    }
}
