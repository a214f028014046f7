using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using Orleans.Dashboard;
using OrleansPlatform;
using OrleansPlatform.Access;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Gateway.Audit;
using OrleansPlatform.Gateway.Errors;
using OrleansPlatform.Gateway.Health;
using OrleansPlatform.Gateway.Imports;
using OrleansPlatform.Silo.Audit;
using OrleansPlatform.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddPlatformSources(builder.Environment.EnvironmentName, args);

// Either co-host a silo (all-in-one process, used by tests and small installs) or join the cluster as a client.
if (builder.Configuration.GetValue<bool>("Orleans:HostSilo"))
{
    builder.UseOrleans(silo => silo.UsePlatformCluster().UsePlatformDashboard(builder.Configuration));
}
else
{
    builder.UseOrleansClient(client => client.UsePlatformCluster().UsePlatformDashboard(builder.Configuration));
}

builder.Services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IConfiguration>().GetPlatformConnectionString()));
builder.Services.AddSingleton<IAuditLog, PostgresAuditLog>();
builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
builder.Services.AddSingleton<ImportRunner>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ImportRunner>());
builder.Services.AddPlatformAuthentication(builder.Configuration);
RateLimits.AddPlatformRateLimits(builder.Services, builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", 1024L * 1024));
builder.Services
    .AddControllers(mvc =>
    {
        mvc.Filters.Add(new BodySizeLimitAttribute(BodySizeLimitAttribute.DefaultBytes) { IsDefault = true });
        mvc.Filters.Add<AuditFilter>();
    })
    .AddJsonOptions(o => PlatformJson.Configure(o.JsonSerializerOptions))
    .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = InvalidInput.Problem);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
    ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier));
builder.Services.AddExceptionHandler<DomainExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks()
    .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
    .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseCallerContext();
app.UseRateLimiter();
app.UseAuthorization();

// The API page is static files served before endpoint routing: it gets the administrators' check here.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/docs"), docs => docs.Use(async (context, next) =>
{
    if (context.FindCaller() is not { } caller)
    {
        await context.ChallengeAsync();
    }
    else if (!caller.Has(Permission.Administer))
    {
        await context.ForbidAsync();
    }
    else
    {
        await next(context);
    }
}));

app.MapOpenApi().RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.Administer));
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "docs";
    o.SwaggerEndpoint("/openapi/v1.json", "OrleansPlatform API v1");
    o.DocumentTitle = "OrleansPlatform API";
});
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    ResponseWriter = HealthResponseWriter.WriteAsync,
}).AllowAnonymous();
app.MapControllers();
if (PlatformSiloExtensions.DashboardEnabled(app.Configuration))
{
    // The dashboard has no authentication of its own: administrators only (a browser sends the token as the setCookie cookie).
    app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.Administer));
}

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the gateway with WebApplicationFactory.</summary>
public partial class Program;
