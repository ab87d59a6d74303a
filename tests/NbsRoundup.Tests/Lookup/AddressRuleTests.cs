using System.Net;
using NbsRoundup.Lookup;

namespace NbsRoundup.Tests.Lookup;

public sealed class AddressRuleTests
{
    [Theory]
    // IPv4
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.255.255.254", AddressKind.Loopback)]
    [InlineData("10.0.0.1", AddressKind.Private)]
    [InlineData("172.16.0.1", AddressKind.Private)]
    [InlineData("172.31.255.255", AddressKind.Private)]
    [InlineData("192.168.1.1", AddressKind.Private)]
    [InlineData("100.64.0.1", AddressKind.SharedCgnat)]
    [InlineData("100.127.255.255", AddressKind.SharedCgnat)]
    [InlineData("169.254.1.1", AddressKind.LinkLocal)]
    [InlineData("169.254.169.254", AddressKind.CloudMetadata)]
    [InlineData("169.254.170.2", AddressKind.CloudMetadata)]
    [InlineData("100.100.100.200", AddressKind.CloudMetadata)]
    [InlineData("168.63.129.16", AddressKind.CloudMetadata)]
    [InlineData("0.0.0.0", AddressKind.Unspecified)]
    [InlineData("0.1.2.3", AddressKind.Unspecified)]
    [InlineData("255.255.255.255", AddressKind.Broadcast)]
    [InlineData("224.0.0.1", AddressKind.Multicast)]
    [InlineData("239.255.255.250", AddressKind.Multicast)]
    [InlineData("240.0.0.1", AddressKind.Reserved)]
    [InlineData("192.0.0.8", AddressKind.Reserved)]
    [InlineData("198.18.0.1", AddressKind.Reserved)]
    [InlineData("192.0.2.1", AddressKind.Documentation)]
    [InlineData("198.51.100.7", AddressKind.Documentation)]
    [InlineData("203.0.113.9", AddressKind.Documentation)]
    // The same spelled as .NET also reads them: decimal, octal, hexadecimal, short forms
    [InlineData("2130706433", AddressKind.Loopback)]
    [InlineData("0177.0.0.1", AddressKind.Loopback)]
    [InlineData("0x7f.0.0.1", AddressKind.Loopback)]
    [InlineData("127.1", AddressKind.Loopback)]
    [InlineData("0xa9fea9fe", AddressKind.CloudMetadata)]
    [InlineData("012.0.0.1", AddressKind.Private)]
    // IPv6
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("::", AddressKind.Unspecified)]
    [InlineData("fc00::1", AddressKind.Private)]
    [InlineData("fd12:3456:789a::1", AddressKind.Private)]
    [InlineData("fd00:ec2::254", AddressKind.CloudMetadata)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("fe80::1%2", AddressKind.LinkLocal)]
    [InlineData("ff02::1", AddressKind.Multicast)]
    [InlineData("fec0::1", AddressKind.Reserved)]
    [InlineData("100::1", AddressKind.Reserved)]
    [InlineData("2001:db8::1", AddressKind.Documentation)]
    [InlineData("2001::1", AddressKind.Reserved)]
    // IPv4 inside IPv6: mapped, compatible, SIIT, NAT64, 6to4
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:7f00:1", AddressKind.Loopback)]
    [InlineData("::ffff:10.1.2.3", AddressKind.Private)]
    [InlineData("::ffff:169.254.169.254", AddressKind.CloudMetadata)]
    [InlineData("::127.0.0.1", AddressKind.Loopback)]
    [InlineData("::192.168.0.1", AddressKind.Private)]
    [InlineData("::ffff:0:127.0.0.1", AddressKind.Loopback)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressKind.CloudMetadata)]
    [InlineData("64:ff9b::c0a8:101", AddressKind.Private)]
    [InlineData("2002:7f00:1::1", AddressKind.Loopback)]
    [InlineData("2002:c0a8:101::1", AddressKind.Private)]
    public void Addresses_off_the_public_internet_are_refused(string address, AddressKind kind)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(kind, AddressRule.Classify(ip));
        Assert.False(AddressRule.IsAllowed(ip));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("203.119.25.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("2400:da00::6666")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:0808:0808::1")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.True(AddressRule.IsAllowed(IPAddress.Parse(address)), address);
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST.", true)]
    [InlineData("app.localhost", true)]
    [InlineData("metadata.google.internal", true)]
    [InlineData("metadata", true)]
    [InlineData("instance-data.ec2.internal", true)]
    [InlineData("www.mee.gov.cn", false)]
    [InlineData("localhost.example.org", false)]
    public void Names_of_this_machine_and_metadata_services_are_refused_before_any_look_up(string host, bool refused)
    {
        Assert.Equal(refused, AddressRule.IsForbiddenName(host));
    }
}
