// The baseline of the page benchmark: Kestrel serving a folder of static files, nothing else.
// Usage: dotnet StaticServer.dll <folder> --urls http://127.0.0.1:PORT
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateBuilder(args.Skip(1).ToArray());
builder.Logging.ClearProviders();
var app = builder.Build();
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(args[0])) });
await app.RunAsync();
