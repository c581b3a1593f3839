using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Timmy.Core.Storage;

/// <summary>UUID v7 ids that sort in the order they were made, within a millisecond too: the 12 bits after the
/// millisecond timestamp are a counter (RFC 9562, section 6.2, method 1), where <see cref="Guid.CreateVersion7()"/> puts
/// random bits, so two rows made in the same millisecond could sort backwards. Lists that use the id as their
/// newest-first keyset cursor need this. Written by hand: .NET has no monotonic v7 generator.</summary>
public static class SortableIds
{
    private const int MaxCounter = 0xFFF;
    private static readonly Lock Gate = new();
    private static long _lastMs;
    private static int _counter;

    public static string New(TimeProvider time)
    {
        long ms;
        int counter;
        lock (Gate)
        {
            ms = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), _lastMs);
            if (ms == _lastMs)
            {
                if (_counter == MaxCounter)
                {
                    ms++; // 4,096 ids in one millisecond: borrow the next one
                    _counter = 0;
                }
                else
                {
                    _counter++;
                }
            }
            else
            {
                _counter = 0;
            }
            _lastMs = ms;
            counter = _counter;
        }
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, ms << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
