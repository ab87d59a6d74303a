using System.Diagnostics;
using System.Globalization;
using System.Net;
using SoakEditor;

// An editor during the soak: signs in through the real form, then once a second opens an entry's
// edit form and saves it with a new author line (antiforgery token and version token included).
//   dotnet run -c Release --project bench/SoakEditor -- BASE_URL EMAIL SECONDS [ENTRY_SLUG]
// The password is read from standard input. Prints the saves that worked and those that did not.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: SoakEditor BASE_URL EMAIL SECONDS [ENTRY_SLUG]  (password on standard input)");
    return 2;
}
var baseUrl = new Uri(args[0]);
var email = args[1];
var seconds = int.Parse(args[2], CultureInfo.InvariantCulture);
var slug = args.Length > 3 ? args[3] : "corporate-net-zero-standard";
var password = Console.ReadLine() ?? "";

using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

var signInForm = await EditForm.ReadAsync(await client.GetAsync("/account/sign-in"), "main form[method=post]");
EditForm.Set(signInForm, "Input.Email", email);
EditForm.Set(signInForm, "Input.Password", password);
var signedIn = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(signInForm));
if (signedIn.StatusCode != HttpStatusCode.Redirect)
{
    Console.Error.WriteLine($"sign-in failed: {(int)signedIn.StatusCode}");
    return 1;
}

var ok = 0;
var failed = new Dictionary<string, int>();
var latencies = new List<double>();
using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
var clock = Stopwatch.StartNew();
var url = $"/admin/entries/{slug}/edit";
while (clock.Elapsed < TimeSpan.FromSeconds(seconds) && await tick.WaitForNextTickAsync())
{
    var started = Stopwatch.StartNew();
    string outcome;
    try
    {
        var form = await EditForm.ReadAsync(await client.GetAsync(url), "main form.admin-form");
        EditForm.Set(form, "Input.Authors", $"soak editor, save {ok + failed.Values.Sum() + 1}");
        var saved = await client.PostAsync(url, new FormUrlEncodedContent(form));
        outcome = saved.StatusCode == HttpStatusCode.Redirect ? "ok" : ((int)saved.StatusCode).ToString(CultureInfo.InvariantCulture);
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
    {
        outcome = ex.GetType().Name;
    }
    latencies.Add(started.Elapsed.TotalMilliseconds);
    if (outcome == "ok")
    {
        ok++;
    }
    else
    {
        failed[outcome] = failed.GetValueOrDefault(outcome) + 1;
    }
}
latencies.Sort();
var p95 = latencies.Count > 0 ? latencies[(int)(latencies.Count * 0.95)] : 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"editor saves: {ok} ok, {failed.Values.Sum()} failed{(failed.Count > 0 ? " (" + string.Join(", ", failed.Select(f => $"{f.Key}: {f.Value}")) + ")" : "")}; open+save p95 {p95:F0} ms, max {(latencies.Count > 0 ? latencies[^1] : 0):F0} ms"));
return failed.Count == 0 ? 0 : 1;
