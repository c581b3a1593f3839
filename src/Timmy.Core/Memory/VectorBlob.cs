using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Timmy.Core.Memory;

/// <summary>A vector as stored: float32 values, little-endian, one after another.</summary>
public static class VectorBlob
{
    public static byte[] ToBytes(float[] vector)
    {
        var bytes = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            var ints = MemoryMarshal.Cast<byte, int>(bytes.AsSpan());
            BinaryPrimitives.ReverseEndianness(ints, ints);
        }
        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        var vector = MemoryMarshal.Cast<byte, float>(bytes.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            var ints = MemoryMarshal.Cast<float, int>(vector.AsSpan());
            BinaryPrimitives.ReverseEndianness(ints, ints);
        }
        return vector;
    }
}
