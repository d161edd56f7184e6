// The yardstick for bench/run.sh: a bare ASP.NET Core app on Kestrel that answers "Hello, World!" on /plaintext,
// with nothing else in its pipeline (no logging, no middleware). Every Proeftuin figure is divided by its req/s
// in the same run, on the same machine, with the same load generator.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/plaintext", () => Results.Text("Hello, World!", "text/plain"));
app.Run();
