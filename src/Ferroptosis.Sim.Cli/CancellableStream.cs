namespace Ferroptosis.Sim.Cli;

/// <summary>A write-only stream that checks a cancellation token before each write, so that Ctrl+C or SIGTERM stops a long file write within one buffer (64 KiB) and the temporary file is removed.</summary>
/// <param name="inner">The file stream written to; not disposed.</param>
/// <param name="cancellationToken">Stops the write.</param>
internal sealed class CancellableStream(Stream inner, CancellationToken cancellationToken) : Stream
{
    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => inner.Length;

    /// <inheritdoc/>
    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count)
    {
        cancellationToken.ThrowIfCancellationRequested();
        inner.Write(buffer, offset, count);
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        inner.Write(buffer);
    }

    /// <inheritdoc/>
    public override void WriteByte(byte value)
    {
        cancellationToken.ThrowIfCancellationRequested();
        inner.WriteByte(value);
    }

    /// <inheritdoc/>
    public override void Flush() => inner.Flush();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
}
