using NbsRoundup.Importing;
using SharpFuzz;

// afl-fuzz hands each input on standard input; SharpFuzz reports the instrumented assemblies'
// (Markdig, YamlDotNet, NbsRoundup) branch coverage back to it. Parse must turn any bytes into a
// document or diagnostics: any exception that escapes is a crash, and a run past afl's time-out a hang.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var result = NewsletterParser.Parse(buffer.ToArray(), "fuzz.md");
    if (result.Document is null && !result.HasErrors)
    {
        // A file that is neither imported nor told why would leave an editor guessing.
        throw new InvalidOperationException("no document and no error");
    }
});
