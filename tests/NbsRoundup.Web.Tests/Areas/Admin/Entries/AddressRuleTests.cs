using System.Net;
using NbsRoundup.Web.Commands;
using NbsRoundup.Web.Tests.Security;

namespace NbsRoundup.Web.Tests.Areas.Admin.Entries;

/// <summary>
/// The portal as deployed (Lookup:AllowPrivateAddresses off): "fill from link" and the `lookup` command
/// refuse every address that leads to this machine, its networks or a cloud metadata service, with a clear
/// message, and log the refusal without the address's query.
/// </summary>
public sealed class AddressRuleTests(VerbosePortal portal) : IClassFixture<VerbosePortal>
{
    public static TheoryData<string> PrivateTargets => new()
    {
        "http://127.0.0.1/",
        "http://127.1.2.3:8080/admin",
        "http://localhost:5180/admin/users",
        "http://portal.localhost/",
        "http://0.0.0.0/",
        "http://10.0.0.5/",
        "http://172.16.4.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://100.100.100.200/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1]/",
        "https://[64:ff9b::a00:1]/",
        "http://2130706433/",
    };

    [Theory]
    [MemberData(nameof(PrivateTargets))]
    public async Task Fill_from_link_refuses_a_private_target_with_a_clear_message_and_saves_nothing(string target)
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new?section=research");
        var before = DatabaseDump.Of(portal);

        var response = await Forms.SubmitAsync(editor, form, new() { ["Input.Link"] = target }, handler: "Fill");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Forms.Message(await Forms.ReadAsync(response), "Input.Link");
        Assert.StartsWith("门户不会访问这个地址：它指向本机、内部网络或云服务的元数据地址。", message);
        Assert.Equal(before, DatabaseDump.Of(portal));
    }

    [Theory]
    [MemberData(nameof(PrivateTargets))]
    public async Task The_lookup_command_refuses_a_private_target_with_one_line(string target)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["lookup", target, .. portal.DatabaseArguments], output, error);

        Assert.Equal(1, exit);
        Assert.Equal("", output.ToString());
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("may not reach", line);
    }

    [Fact]
    public async Task A_refusal_is_logged_without_the_query_that_may_carry_a_token()
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new?section=research");

        var response = await Forms.SubmitAsync(editor, form, new() { ["Input.Link"] = "http://169.254.169.254/latest/meta-data/?token=s3cr3t-t0ken" }, handler: "Fill");

        Assert.DoesNotContain("s3cr3t-t0ken", Forms.Message(await Forms.ReadAsync(response), "Input.Link"));
        Assert.Contains(portal.Lines, l => l.Contains("Refused", StringComparison.Ordinal) && l.Contains("169.254.169.254/latest/meta-data/", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Lines, l => l.Contains("s3cr3t-t0ken", StringComparison.Ordinal));
    }
}
