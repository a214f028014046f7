using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using OrleansPlatform;
using OrleansPlatform.Gateway.Errors;
using OrleansPlatform.Gateway.Health;
using OrleansPlatform.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddPlatformSources(builder.Environment.EnvironmentName, args);

// Either co-host a silo (all-in-one process, used by tests and small installs) or join the cluster as a client.
if (builder.Configuration.GetValue<bool>("Orleans:HostSilo"))
{
    builder.UseOrleans(silo => silo.UsePlatformCluster());
}
else
{
    builder.UseOrleansClient(client => client.UsePlatformCluster());
}

builder.Services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IConfiguration>().GetPlatformConnectionString()));
builder.Services
    .AddControllers()
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

app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "docs";
    o.SwaggerEndpoint("/openapi/v1.json", "OrleansPlatform API v1");
    o.DocumentTitle = "OrleansPlatform API";
});
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    ResponseWriter = HealthResponseWriter.WriteAsync,
});
app.MapControllers();

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the gateway with WebApplicationFactory.</summary>
public partial class Program;
