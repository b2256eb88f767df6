using Briefings.Errors;
using Briefings.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Briefings.Reading;

/// <summary>A front-matter value with its position: the only YAML shapes content needs.</summary>
public abstract record YamlNode(Position At);

/// <summary>A scalar. <see cref="IsNull"/> for an empty, <c>~</c> or <c>null</c> plain scalar.</summary>
public sealed record YamlScalar(string Text, bool IsNull, Position At) : YamlNode(At);

public sealed record YamlList(IReadOnlyList<YamlNode> Items, Position At) : YamlNode(At);

public sealed record YamlMap(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, Position At) : YamlNode(At)
{
    /// <summary>Where <paramref name="key"/> is among the entries, or -1. A look over the list: mappings in front
    /// matter hold a handful of keys.</summary>
    public int IndexOf(string key) => IndexOf(Entries, key);

    public static int IndexOf(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, string key)
    {
        for (int i = 0; i < entries.Count; i++)
            if (entries[i].Key.Text == key) return i;
        return -1;
    }
}

/// <summary>Parses front matter into <see cref="YamlNode"/>s from YamlDotNet's scanner tokens.
/// Refuses what front matter never needs and hostile files use: anchors and aliases (exponential
/// expansion), tags, duplicate keys, non-scalar keys, deep nesting and huge node counts.
/// It reads tokens rather than YamlDotNet's parser events because building each event looks its value up in the
/// runtime's string intern table, under a lock: that was a sixth of the time to read an archive, and kept the
/// reading threads waiting on each other. The scanner already resolves YAML's indentation into block starts and
/// ends, so the grammar left here is small.</summary>
public static class YamlTree
{
    public const int MaxDepth = 12;
    public const int MaxNodes = 20_000;

    /// <param name="lineOffset">Lines before the YAML in the file, so positions are file positions.</param>
    public static YamlMap? Parse(string yaml, int lineOffset, string path, DiagnosticBag diagnostics)
    {
        // Comments are scanned, not skipped, to see one that cuts an unquoted value short (BR503).
        var state = new State(new Scanner(new StringReader(yaml), skipComments: false), lineOffset, path, diagnostics);
        try
        {
            state.Expect<StreamStart>();
            bool directives = false;
            while (state.Peek is VersionDirective or TagDirective) { state.Next(); directives = true; }
            if (directives && state.Peek is not DocumentStart)
                throw new YamlException(state.Peek!.Start, state.Peek.End, "a directive ('%') must be followed by '---'");
            if (state.Peek is StreamEnd) return new YamlMap([], new Position(lineOffset + 1, 1));
            if (state.Peek is DocumentStart) state.Next();
            var root = state.Peek is DocumentEnd or StreamEnd ? state.Empty() : state.ReadNode(0);
            if (state.Peek is DocumentEnd) state.Next();
            if (state.Peek is DocumentStart)
            {
                state.Fail(DiagnosticCode.YamlSyntax, state.Here, "front matter holds more than one YAML document");
                return null;
            }
            state.Expect<StreamEnd>();
            if (root is YamlScalar { IsNull: true }) return new YamlMap([], root.At);
            if (root is YamlMap map) return map;
            state.Fail(DiagnosticCode.WrongType, root.At, "front matter must be a mapping of keys to values");
            return null;
        }
        catch (YamlException e)
        {
            // Where the parser gave up is often not where the mistake is (a tab is reported at the start of the
            // mapping it breaks), and its words name its own states: the common mistakes are said in ours, at the cause.
            var (at, message) = YamlHints.Explain(yaml, e.Start, e.Message) is { } hint
                ? (state.ToPosition(hint.At), hint.Message)
                : (state.ToPosition(e.Start), Quoting.OneLine(Clean(e.Message)));
            diagnostics.Error(path, at, DiagnosticCode.YamlSyntax, $"malformed YAML: {message}");
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

    private sealed class State(Scanner scanner, int lineOffset, string path, DiagnosticBag diagnostics)
    {
        private int _nodes;
        private bool _started;
        private Token? _last, _beforeLast;

        /// <summary>Where the next token starts (or the last one read). Never throws: it also places the
        /// message when the scanner has failed.</summary>
        public Position Here => ((_started ? scanner.Current : null) ?? _last) is { } t ? ToPosition(t.Start) : new Position(lineOffset + 1, 1);

        public Position ToPosition(Mark m) => new((int)m.Line + lineOffset, (int)m.Column);

        public void Fail(DiagnosticCode code, Position at, string message) => diagnostics.Error(path, at, code, message);

        /// <summary>The next token, not yet consumed.</summary>
        public Token? Peek
        {
            get
            {
                if (!_started) { _started = true; scanner.MoveNext(); }
                while (scanner.Current is Comment comment)
                {
                    if (comment.IsInline) WarnIfCutShort(comment);
                    scanner.MoveNext();
                }
                // The scanner reports some mistakes as a token for the parser to throw.
                if (scanner.Current is Error error) throw new YamlException(error.Start, error.End, error.Value);
                return scanner.Current;
            }
        }

        /// <summary>A comment on the line of an unquoted value: in <c>title: Trial #3</c> the title is "Trial".
        /// YAML allows it, so this is a warning, at the '#' where the value was cut. A comment set apart by two or
        /// more spaces (<c>id: source-1  # required</c>, as <c>briefings new</c> writes) is plainly meant as one.</summary>
        private void WarnIfCutShort(Comment comment)
        {
            if (_last is not YamlDotNet.Core.Tokens.Scalar { Style: ScalarStyle.Plain } value || _beforeLast is not (Value or BlockEntry)
                || value.End.Line != comment.Start.Line || comment.Start.Column - value.End.Column > 1) return;
            diagnostics.Warning(path, ToPosition(comment.Start), DiagnosticCode.CommentInValue,
                $"' #' starts a comment, so this value is read as '{Errors.Quoting.Shorten(value.Value)}' without '#{Errors.Quoting.Shorten(comment.Value.TrimEnd())}'; " +
                "if the '#' belongs to the value, write the whole value in quotes");
        }

        /// <summary>Consumes the next token.</summary>
        public Token Next()
        {
            var t = Peek ?? throw new Refusal();
            _beforeLast = _last;
            _last = t;
            scanner.MoveNext();
            return t;
        }

        public void Expect<T>() where T : Token
        {
            var t = Peek ?? throw new Refusal();
            if (t is not T) throw Unexpected(t);
            Next();
        }

        private static YamlException Unexpected(Token t, string? expected = null) =>
            new(t.Start, t.End, expected is null ? $"unexpected {Describe(t)}" : $"did not find expected {expected} (found {Describe(t)})");

        private static string Describe(Token t) => t switch
        {
            YamlDotNet.Core.Tokens.Scalar s => $"'{Quoting.Shorten(s.Value)}'",
            BlockEntry => "'-'",
            Key => "a key",
            Value => "':'",
            FlowEntry => "','",
            FlowSequenceStart => "'['",
            FlowSequenceEnd => "']'",
            FlowMappingStart => "'{'",
            FlowMappingEnd => "'}'",
            DocumentStart => "'---'",
            DocumentEnd => "'...'",
            StreamEnd => "the end of the front matter",
            _ => t.GetType().Name,
        };

        /// <summary>The null of a key with nothing after it (<c>key:</c>), placed where its value would be.</summary>
        public YamlScalar Empty() => new("", true, Here);

        public YamlNode ReadNode(int depth)
        {
            var at = Here;
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
            bool tagged = false;
            while (Peek is Anchor or AnchorAlias or Tag)
            {
                var property = Next();
                if (property is Anchor or AnchorAlias)
                {
                    Fail(DiagnosticCode.YamlAlias, at, "YAML anchors and aliases (& and *) are not allowed in front matter; write the value out");
                    throw new Refusal();
                }
                var tag = (Tag)property;
                // The non-specific tag '!' only says "a string", which every value here is read as anyway.
                if (tag.Handle + tag.Suffix != "!")
                {
                    Fail(DiagnosticCode.WrongType, at, $"YAML tags ({tag.Handle}{tag.Suffix}) are not allowed in front matter");
                    throw new Refusal();
                }
                tagged = true;
            }
            switch (Peek)
            {
                case YamlDotNet.Core.Tokens.Scalar s:
                    Next();
                    bool isNull = !tagged && s.Style == ScalarStyle.Plain && (s.Value is "" or "~" or "null" or "Null" or "NULL");
                    return new YamlScalar(s.Value, isNull, at);
                case BlockSequenceStart:
                    Next();
                    var items = BlockEntries(depth);
                    if (Peek is not BlockEnd) throw Unexpected(Peek ?? throw new Refusal(), "'-' before the next item; check this line's indentation");
                    Next();
                    return new YamlList(items, at);
                case BlockEntry:
                    // A sequence written at the same indentation as its key ("key:\n- a\n- b").
                    return new YamlList(BlockEntries(depth), at);
                case BlockMappingStart:
                    Next();
                    return Mapping(depth, at, flow: false);
                case FlowSequenceStart:
                    Next();
                    return FlowSequence(depth, at);
                case FlowMappingStart:
                    Next();
                    return Mapping(depth, at, flow: true);
                case Key or Value or BlockEnd or FlowEntry or FlowSequenceEnd or FlowMappingEnd or DocumentEnd or StreamEnd when tagged:
                    return new YamlScalar("", false, at);
                case Key k:
                    throw new YamlException(k.Start, k.End, "a key where a value belongs; check this line's indentation");
                case { } t:
                    throw Unexpected(t);
                default:
                    throw new Refusal();
            }
        }

        private List<YamlNode> BlockEntries(int depth)
        {
            var items = new List<YamlNode>();
            while (Peek is BlockEntry)
            {
                Next();
                items.Add(Peek is BlockEntry or BlockEnd or Key ? Empty() : ReadNode(depth + 1));
            }
            return items;
        }

        private YamlList FlowSequence(int depth, Position at)
        {
            var items = new List<YamlNode>();
            while (Peek is not FlowSequenceEnd)
            {
                // [a: 1] is a list holding the mapping {a: 1}.
                items.Add(Peek is Key ? Pair(depth + 1) : ReadNode(depth + 1));
                if (Peek is FlowEntry) Next();
                else if (Peek is not FlowSequenceEnd) throw Unexpected(Peek ?? throw new Refusal(), "',' or ']'");
            }
            Next();
            return new YamlList(items, at);
        }

        /// <summary>The single key and value of <c>[a: 1]</c>, a list holding the mapping {a: 1}.</summary>
        private YamlMap Pair(int depth)
        {
            var at = Here;
            Next();
            return new YamlMap([Entry(depth)], at);
        }

        private YamlMap Mapping(int depth, Position at, bool flow)
        {
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            // Front-matter mappings hold a handful of keys, which a glance over the list checks; a set is made only
            // for a long one (hostile files are limited to MaxNodes values, and must not cost quadratic time).
            HashSet<string>? seen = null;
            while (flow ? Peek is not FlowMappingEnd : Peek is not BlockEnd)
            {
                if (Peek is Key) Next();
                else if (!flow) throw Unexpected(Peek ?? throw new Refusal(), "key");
                var entry = Entry(depth);
                if (entries.Count == 16) seen = entries.Select(e => e.Key.Text).ToHashSet(StringComparer.Ordinal);
                bool duplicate = seen is null ? YamlMap.IndexOf(entries, entry.Key.Text) >= 0 : !seen.Add(entry.Key.Text);
                if (duplicate)
                    Fail(DiagnosticCode.DuplicateKey, entry.Key.At, $"duplicate key '{entry.Key.Text}'; each key may appear once");
                else
                    entries.Add(entry);
                if (flow)
                {
                    if (Peek is FlowEntry) Next();
                    else if (Peek is not FlowMappingEnd) throw Unexpected(Peek ?? throw new Refusal(), "',' or '}'");
                }
            }
            Next();
            return new YamlMap(entries, at);
        }

        /// <summary>A key, which must be a scalar, and its value, null when nothing follows the ':'.</summary>
        private KeyValuePair<YamlScalar, YamlNode> Entry(int depth)
        {
            var keyNode = Peek is Value ? Empty() : ReadNode(depth + 1);
            if (keyNode is not YamlScalar key)
            {
                Fail(DiagnosticCode.WrongType, keyNode.At, "a key must be a plain word");
                throw new Refusal();
            }
            if (Peek is not Value) return new(key, Empty());
            Next();
            bool none = Peek is Key or BlockEnd or FlowEntry or FlowMappingEnd or FlowSequenceEnd;
            return new(key, none ? Empty() : ReadNode(depth + 1));
        }
    }
}
