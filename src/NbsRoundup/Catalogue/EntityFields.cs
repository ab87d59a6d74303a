namespace NbsRoundup.Catalogue;

/// <summary>An entity described field by field as text, in a fixed order: what the audit log records and an edit conflict shows.</summary>
public sealed class EntityFields
{
    private readonly List<(string Name, string? Value)> _fields = [];

    public static EntityFields None { get; } = new();

    public IEnumerable<string> Names => _fields.Select(f => f.Name);

    public string? this[string name] => _fields.FirstOrDefault(f => f.Name == name).Value;

    public EntityFields Add(string name, string? value)
    {
        _fields.Add((name, string.IsNullOrEmpty(value) ? null : value));
        return this;
    }

    public EntityFields Add(string name, int? value) =>
        Add(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
