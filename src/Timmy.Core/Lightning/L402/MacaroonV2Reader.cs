namespace Timmy.Core.Lightning.L402;

/// <summary>Reads the fields of a v2 macaroon from a span, refusing anything that runs past its end.</summary>
internal ref struct MacaroonV2Reader(ReadOnlySpan<byte> bytes)
{
    /// <summary>Varints of more than four bytes (28 bits) would describe fields no macaroon here needs.</summary>
    private const int MaxVarintBytes = 4;

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position == _bytes.Length;

    public byte ReadByte()
    {
        if (AtEnd)
        {
            throw Truncated();
        }
        return _bytes[_position++];
    }

    /// <summary>Reads a field when the next one is of <paramref name="type"/>; leaves the position alone otherwise.</summary>
    public bool TryReadField(int type, out ReadOnlySpan<byte> data)
    {
        var start = _position;
        if (AtEnd || ReadVarint() != type)
        {
            _position = start;
            data = default;
            return false;
        }
        var length = ReadVarint();
        if (length > _bytes.Length - _position)
        {
            throw Truncated();
        }
        data = _bytes.Slice(_position, length);
        _position += length;
        return true;
    }

    public bool TryReadEndOfSection()
    {
        if (AtEnd)
        {
            throw Truncated();
        }
        if (_bytes[_position] != 0)
        {
            return false;
        }
        _position++;
        return true;
    }

    public void ExpectEndOfSection(string section)
    {
        if (!TryReadEndOfSection())
        {
            throw new MacaroonFormatException($"Unexpected field in the macaroon's {section}.");
        }
    }

    private int ReadVarint()
    {
        var value = 0;
        for (var i = 0; i < MaxVarintBytes; i++)
        {
            var b = ReadByte();
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new MacaroonFormatException("The macaroon has a field length that is too large.");
    }

    private static MacaroonFormatException Truncated() => new("The macaroon is truncated.");
}
