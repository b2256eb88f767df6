using Briefings.Checking;
using Briefings.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Briefings.Reading;

/// <summary>A front-matter value with its position: the only YAML shapes content needs.</summary>
public abstract record YamlNode(Position At);

/// <summary>A scalar. <see cref="IsNull"/> for an empty, <c>~</c> or <c>null</c> plain scalar.</summary>
public sealed record YamlScalar(string Text, bool IsNull, Position At) : YamlNode(At);

public sealed record YamlList(IReadOnlyList<YamlNode> Items, Position At) : YamlNode(At);

public sealed record YamlMap(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, Position At) : YamlNode(At);

/// <summary>Parses front matter into <see cref="YamlNode"/>s with YamlDotNet's event parser.
/// Refuses what front matter never needs and hostile files use: anchors and aliases (exponential
/// expansion), tags, duplicate keys, non-scalar keys, deep nesting and huge node counts.</summary>
public static class YamlTree
{
    public const int MaxDepth = 12;
    public const int MaxNodes = 20_000;

    /// <param name="lineOffset">Lines before the YAML in the file, so positions are file positions.</param>
    public static YamlMap? Parse(string yaml, int lineOffset, string path, DiagnosticBag diagnostics)
    {
        var state = new State(new Parser(new StringReader(yaml)), lineOffset, path, diagnostics);
        try
        {
            state.Next<StreamStart>();
            if (state.Peek is StreamEnd) return new YamlMap([], new Position(lineOffset + 1, 1));
            state.Next<DocumentStart>();
            var root = state.ReadNode(0);
            state.Next<DocumentEnd>();
            if (state.Peek is not StreamEnd)
            {
                state.Fail(DiagnosticCode.YamlSyntax, state.Here, "front matter holds more than one YAML document");
                return null;
            }
            if (root is YamlScalar { IsNull: true }) return new YamlMap([], root.At);
            if (root is YamlMap map) return map;
            state.Fail(DiagnosticCode.WrongType, root.At, "front matter must be a mapping of keys to values");
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Error(path, state.ToPosition(e.Start), DiagnosticCode.YamlSyntax, $"malformed YAML: {Fields.OneLine(Clean(e.Message))}");
            return null;
        }
        catch (Refusal)
        {
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these instead of a YamlException on some malformed input,
            // e.g. a flow sequence left open at the end ('key: [a'); report it at the last value it read.
            diagnostics.Error(path, state.Here, DiagnosticCode.YamlSyntax, "malformed YAML after this point; look for an unclosed '[', '{' or quote");
            return null;
        }
    }

    // YamlDotNet prefixes its messages with the position we already print.
    private static string Clean(string message)
    {
        int i = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith('(') && i > 0 ? message[(i + 3)..] : message;
        return text.TrimEnd('.');
    }

    private sealed class Refusal : Exception;

    private sealed class State(IParser parser, int lineOffset, string path, DiagnosticBag diagnostics)
    {
        private int _nodes;

        public Position Here => parser.Current is { } c ? ToPosition(c.Start) : new Position(lineOffset + 1, 1);

        public Position ToPosition(Mark m) => new((int)m.Line + lineOffset, (int)m.Column);

        public void Fail(DiagnosticCode code, Position at, string message) => diagnostics.Error(path, at, code, message);

        /// <summary>The next event, not yet consumed.</summary>
        public ParsingEvent? Peek
        {
            get
            {
                if (!_started) { _started = true; parser.MoveNext(); }
                return parser.Current;
            }
        }

        private bool _started;

        /// <summary>Consumes the next event.</summary>
        public ParsingEvent Next()
        {
            var e = Peek ?? throw new Refusal();
            parser.MoveNext();
            return e;
        }

        public T Next<T>() where T : ParsingEvent
        {
            var e = Next();
            return e as T ?? throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name}");
        }

        public YamlNode ReadNode(int depth) => Read(Next(), depth);

        private YamlNode Read(ParsingEvent e, int depth)
        {
            var at = ToPosition(e.Start);
            if (++_nodes > MaxNodes)
            {
                Fail(DiagnosticCode.YamlTooBig, at, $"front matter has more than {MaxNodes} values; split the file");
                throw new Refusal();
            }
            if (depth > MaxDepth)
            {
                Fail(DiagnosticCode.YamlTooBig, at, $"front matter nests deeper than {MaxDepth} levels");
                throw new Refusal();
            }
            if (e is AnchorAlias || e is NodeEvent { Anchor.IsEmpty: false })
            {
                Fail(DiagnosticCode.YamlAlias, at, "YAML anchors and aliases (& and *) are not allowed in front matter; write the value out");
                throw new Refusal();
            }
            if (e is NodeEvent { Tag.IsEmpty: false } n && !n.Tag.IsNonSpecific)
            {
                Fail(DiagnosticCode.WrongType, at, $"YAML tags ({n.Tag}) are not allowed in front matter");
                throw new Refusal();
            }
            switch (e)
            {
                case Scalar s:
                    bool isNull = s.Style == ScalarStyle.Plain && (s.Value is "" or "~" or "null" or "Null" or "NULL");
                    return new YamlScalar(s.Value, isNull, at);
                case SequenceStart:
                    var items = new List<YamlNode>();
                    while (Peek is not SequenceEnd) items.Add(ReadNode(depth + 1));
                    Next();
                    return new YamlList(items, at);
                case MappingStart:
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (Peek is not MappingEnd)
                    {
                        var keyNode = ReadNode(depth + 1);
                        if (keyNode is not YamlScalar key)
                        {
                            Fail(DiagnosticCode.WrongType, keyNode.At, "a key must be a plain word");
                            throw new Refusal();
                        }
                        var value = ReadNode(depth + 1);
                        if (!seen.Add(key.Text))
                            Fail(DiagnosticCode.DuplicateKey, key.At, $"duplicate key '{key.Text}'; each key may appear once");
                        else
                            entries.Add(new(key, value));
                    }
                    Next();
                    return new YamlMap(entries, at);
                default:
                    throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name}");
            }
        }
    }
}
