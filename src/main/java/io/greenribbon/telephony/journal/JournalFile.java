package io.greenribbon.telephony.journal;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file of one lane: a header line naming the PBX the events came from, then one line per held event,
 * each forced to the disk before the event counts as held; and beside it the sequence number of the last
 * event written to the database. When the lane is empty again both files go. The directory is locked for
 * as long as the lane is open, so that two processes never replay one journal.
 */
final class JournalFile implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JournalFile.class);
    private static final String FORMAT = "greenribbon-pbx-event-journal/1";

    private final Path events;
    private final Path done;
    private final String origin;
    private final PbxEventCodec codec;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel writer;

    private JournalFile(Path dir, String lane, String origin, PbxEventCodec codec, FileChannel lockChannel,
                        FileLock lock) {
        this.events = dir.resolve(lane + ".jsonl");
        this.done = dir.resolve(lane + ".done");
        this.origin = origin;
        this.codec = codec;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (and locks) the lane's file in {@code dir}; {@code origin} names the PBX its events come from. */
    static JournalFile open(Path dir, String lane, String origin, PbxEventCodec codec) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(lane + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the journal " + dir.resolve(lane + ".jsonl") + " is in use by another process");
        }
        return new JournalFile(dir, lane, origin, codec, channel, lock);
    }

    /**
     * The events a previous process held and did not write, in order. A file of another PBX is set aside
     * (renamed, not replayed); a line torn by a crash ends the file there.
     */
    List<PbxEventCodec.Entry> leftOver() throws IOException {
        if (!Files.exists(events)) {
            Files.deleteIfExists(done);
            return List.of();
        }
        List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
        Map<String, String> header = lines.isEmpty() ? Map.of() : headerOf(lines.get(0));
        if (!FORMAT.equals(header.get("format")) || !origin.equals(header.get("origin"))) {
            Path aside = events.resolveSibling(events.getFileName() + "." + Instant.now().toEpochMilli() + ".unused");
            Files.move(events, aside, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(done);
            LOG.errorf("The PBX event journal %s is not this service's (%s, events of %s): moved to %s, not replayed",
                    events, header.getOrDefault("format", "no header"), header.getOrDefault("origin", "?"), aside);
            return List.of();
        }
        long written = writtenUpTo();
        List<PbxEventCodec.Entry> entries = new ArrayList<>();
        long goodBytes = lines.get(0).getBytes(StandardCharsets.UTF_8).length + 1L;
        for (String line : lines.subList(1, lines.size())) {
            PbxEventCodec.Entry entry;
            try {
                entry = codec.decode(line);
            } catch (IOException | RuntimeException torn) {
                LOG.warnf("The PBX event journal %s ends in a torn line (a crash while writing it); reading stops there",
                        events);
                break;
            }
            goodBytes += line.getBytes(StandardCharsets.UTF_8).length + 1L;
            if (entry.seq() > written) {
                entries.add(entry);
            }
        }
        try (FileChannel repair = FileChannel.open(events, StandardOpenOption.WRITE)) {
            if (repair.size() > goodBytes) {
                repair.truncate(goodBytes);
            } else if (repair.size() < goodBytes) {
                // The last good line lost only its line end: the next entry must not run on from it.
                repair.write(ByteBuffer.wrap(new byte[] {'\n'}), repair.size());
            }
            repair.force(true);
        }
        return entries;
    }

    private Map<String, String> headerOf(String line) {
        try {
            return codec.readHeader(line);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private long writtenUpTo() {
        try {
            return Files.exists(done) ? Long.parseLong(Files.readString(done, StandardCharsets.UTF_8).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            // A mark torn by a crash: everything is written again, which the event handlers take as a replay.
            return 0;
        }
    }

    /** Appends one entry and forces it to the disk. */
    void append(PbxEventCodec.Entry entry) throws IOException {
        if (writer == null) {
            boolean fresh = !Files.exists(events);
            writer = FileChannel.open(events, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                Map<String, String> header = new LinkedHashMap<>();
                header.put("format", FORMAT);
                header.put("origin", origin);
                header.put("created", Instant.now().toString());
                write(codec.header(header));
            }
        }
        write(codec.encode(entry));
        writer.force(false);
    }

    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            writer.write(bytes);
        }
    }

    /** Every entry up to {@code seq} is in the database. */
    void writtenUpTo(long seq) throws IOException {
        try (FileChannel mark = FileChannel.open(done, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            mark.write(ByteBuffer.wrap(Long.toString(seq).getBytes(StandardCharsets.UTF_8)));
            mark.force(false);
        }
    }

    /** Every entry is in the database: the files go. */
    void clear() throws IOException {
        closeWriter();
        Files.deleteIfExists(events);
        Files.deleteIfExists(done);
    }

    /** The size of the events file now. */
    long bytes() {
        try {
            return Files.exists(events) ? Files.size(events) : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    Path path() {
        return events;
    }

    private void closeWriter() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeWriter();
        lock.release();
        lockChannel.close();
    }
}
