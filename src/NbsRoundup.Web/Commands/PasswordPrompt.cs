using System.Text;

namespace NbsRoundup.Web.Commands;

/// <summary>
/// Reads a password: one line from the given or redirected input (`echo ... | dotnet run -- user add`),
/// else typed at the terminal without echo, twice.
/// </summary>
internal static class PasswordPrompt
{
    public static string? Read(TextReader? input, TextWriter output)
    {
        if (input is not null)
        {
            return input.ReadLine();
        }
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }
        var first = Prompt("Password (at least 12 characters): ", output);
        var second = Prompt("Repeat it: ", output);
        if (first != second)
        {
            throw new CommandLineException("the two passwords differ");
        }
        return first;
    }

    private static string Prompt(string label, TextWriter output)
    {
        output.Write(label);
        output.Flush();
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                output.WriteLine();
                return sb.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0)
                {
                    sb.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                sb.Append(key.KeyChar);
            }
        }
    }
}
