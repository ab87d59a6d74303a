using System.Net;
using System.Net.Sockets;

namespace NbsRoundup.Lookup;

/// <summary>What kind of address an IP address is, as far as fetching a link is concerned.</summary>
public enum AddressKind
{
    Public,
    Loopback,
    Private,
    SharedCgnat,
    LinkLocal,
    Multicast,
    Unspecified,
    Broadcast,
    Documentation,
    Reserved,
    CloudMetadata,
}

/// <summary>
/// The rule that keeps the link look-up from reaching the portal's own machine, its network
/// or a cloud's metadata service: only public unicast addresses may be connected to.
/// IPv4 addresses written inside IPv6 ones (mapped, compatible, SIIT, NAT64, 6to4) are judged
/// by the IPv4 address they carry.
/// </summary>
public static class AddressRule
{
    // Names that lead to metadata services or the machine itself whatever DNS says; refused
    // before any look-up so the message names them (the connect-time check would refuse them too).
    private static readonly string[] _forbiddenNames =
    [
        "localhost",
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.azure.internal",
    ];

    private static readonly IPAddress _awsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    /// <summary>True when the address may be connected to.</summary>
    public static bool IsAllowed(IPAddress address) => Classify(address) == AddressKind.Public;

    /// <summary>True when a host name is refused before it is even resolved ("localhost", "metadata.google.internal" ...).</summary>
    public static bool IsForbiddenName(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return _forbiddenNames.Contains(name)
            || name.EndsWith(".localhost", StringComparison.Ordinal)
            || name.EndsWith(".internal", StringComparison.Ordinal);
    }

    /// <summary>Classifies an address; anything but <see cref="AddressKind.Public"/> is refused.</summary>
    public static AddressKind Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ClassifyV4(address.GetAddressBytes());
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return AddressKind.Reserved;
        }
        var b = address.GetAddressBytes();
        if (IsZero(b, 0, 16))
        {
            return AddressKind.Unspecified;
        }
        if (IsZero(b, 0, 15) && b[15] == 1)
        {
            return AddressKind.Loopback;
        }
        // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated) and ::ffff:0:a.b.c.d (SIIT)
        // all reach an IPv4 host on a dual-stack socket.
        if (IsZero(b, 0, 10) && b[10] == 0xff && b[11] == 0xff
            || IsZero(b, 0, 12)
            || IsZero(b, 0, 8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        {
            return ClassifyV4(b.AsSpan(12, 4));
        }
        // 64:ff9b::/96, the well-known NAT64 prefix, translates to the IPv4 address it ends with.
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && IsZero(b, 4, 8))
        {
            return ClassifyV4(b.AsSpan(12, 4));
        }
        if (address.Equals(_awsMetadataV6))
        {
            return AddressKind.CloudMetadata;
        }
        if ((b[0] & 0xfe) == 0xfc)
        {
            return AddressKind.Private; // fc00::/7 unique local
        }
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        {
            return AddressKind.LinkLocal; // fe80::/10
        }
        if (b[0] == 0xff)
        {
            return AddressKind.Multicast;
        }
        // Only 2000::/3 is handed out as global unicast; everything else left is reserved
        // (site-local fec0::/10, discard 100::/64, 64:ff9b:1::/48 local NAT64 ...).
        if ((b[0] & 0xe0) != 0x20)
        {
            return AddressKind.Reserved;
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8
            || b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xf0) == 0)
        {
            return AddressKind.Documentation; // 2001:db8::/32, 3fff::/20
        }
        if (b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xfe) == 0)
        {
            return AddressKind.Reserved; // 2001::/23 IETF protocols: Teredo, benchmarking, ORCHID
        }
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b.AsSpan(2, 4)); // 6to4 carries the IPv4 address of its relay host
        }
        return AddressKind.Public;
    }

    /// <summary>A few words for a refusal message: "a loopback address".</summary>
    public static string Describe(AddressKind kind) => kind switch
    {
        AddressKind.Loopback => "a loopback address",
        AddressKind.Private => "a private network address",
        AddressKind.SharedCgnat => "a carrier-grade NAT address",
        AddressKind.LinkLocal => "a link-local address",
        AddressKind.Multicast => "a multicast address",
        AddressKind.Unspecified => "an unspecified address",
        AddressKind.Broadcast => "the broadcast address",
        AddressKind.Documentation => "a documentation address",
        AddressKind.Reserved => "a reserved address",
        AddressKind.CloudMetadata => "a cloud metadata service",
        _ => "a public address",
    };

    private static AddressKind ClassifyV4(ReadOnlySpan<byte> b)
    {
        // Cloud metadata first: 169.254.169.254 is link-local and 100.100.100.200 (Alibaba Cloud)
        // CGNAT anyway, but the message should say what they are. 168.63.129.16 (Azure's host
        // endpoint) is a public address that only the rule's list stops.
        if (b[0] == 169 && b[1] == 254 && b[2] == 169 && b[3] is 254 or 253
            || b[0] == 169 && b[1] == 254 && b[2] == 170 && b[3] == 2
            || b[0] == 100 && b[1] == 100 && b[2] == 100 && b[3] == 200
            || b[0] == 168 && b[1] == 63 && b[2] == 129 && b[3] == 16)
        {
            return AddressKind.CloudMetadata;
        }
        return b[0] switch
        {
            0 => AddressKind.Unspecified,
            10 => AddressKind.Private,
            100 when (b[1] & 0xc0) == 64 => AddressKind.SharedCgnat,
            127 => AddressKind.Loopback,
            169 when b[1] == 254 => AddressKind.LinkLocal,
            172 when (b[1] & 0xf0) == 16 => AddressKind.Private,
            192 when b[1] == 168 => AddressKind.Private,
            192 when b[1] == 0 && b[2] == 0 => AddressKind.Reserved,
            192 when b[1] == 0 && b[2] == 2 => AddressKind.Documentation,
            192 when b[1] == 88 && b[2] == 99 => AddressKind.Reserved,
            198 when (b[1] & 0xfe) == 18 => AddressKind.Reserved,
            198 when b[1] == 51 && b[2] == 100 => AddressKind.Documentation,
            203 when b[1] == 0 && b[2] == 113 => AddressKind.Documentation,
            >= 224 and <= 239 => AddressKind.Multicast,
            255 when b[1] == 255 && b[2] == 255 && b[3] == 255 => AddressKind.Broadcast,
            >= 240 => AddressKind.Reserved,
            _ => AddressKind.Public,
        };
    }

    private static bool IsZero(byte[] bytes, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (bytes[i] != 0)
            {
                return false;
            }
        }
        return true;
    }
}
