namespace NbsRoundup.Lookup;

/// <summary>Why a fetch or a look-up gave nothing.</summary>
public enum FailureKind
{
    /// <summary>Not an http(s) address or DOI the look-up understands.</summary>
    InvalidInput,
    /// <summary>The address, or one redirected to, is not public (loopback, private, metadata ...).</summary>
    RefusedAddress,
    /// <summary>The host name does not resolve.</summary>
    UnknownHost,
    /// <summary>The connection failed or broke (refused, reset, TLS).</summary>
    ConnectionFailed,
    TooManyRedirects,
    Timeout,
    TooLarge,
    /// <summary>The server answered with an error status (4xx, 5xx) or a redirect without a place to go.</summary>
    HttpStatus,
    UnsupportedContentType,
    /// <summary>The body could not be read as what it claimed to be (a broken PDF, invalid CSL-JSON).</summary>
    Unreadable,
}

/// <summary>
/// A typed failure with a one-line reason fit for an editor's form and a command's exit message.
/// Addresses in messages are shown without their query string, which may carry tokens.
/// </summary>
public sealed record LookupFailure(FailureKind Kind, string Message, int? StatusCode = null)
{
    public override string ToString() => Message;
}

/// <summary>Either a value or a failure.</summary>
public sealed class Outcome<T>
    where T : class
{
    internal Outcome(T? value, LookupFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }
    public LookupFailure? Failure { get; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Value))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Value is not null;

    public static implicit operator Outcome<T>(LookupFailure failure) => new(null, failure);

    public override string ToString() => Succeeded ? Value.ToString() ?? "" : Failure.Message;
}

/// <summary>Makes outcomes.</summary>
public static class Outcome
{
    public static Outcome<T> Success<T>(T value) where T : class => new(value, null);
    public static Outcome<T> Fail<T>(LookupFailure failure) where T : class => new(null, failure);
    public static Outcome<T> Fail<T>(FailureKind kind, string message, int? statusCode = null) where T : class =>
        new(null, new LookupFailure(kind, message, statusCode));
}
