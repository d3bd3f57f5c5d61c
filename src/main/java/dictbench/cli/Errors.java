package dictbench.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an exception into the one line a user reads. */
final class Errors {
    private Errors() {
    }

    static String oneLine(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) { // wherever it happened (a generator's worker thread, say), the hint is the same
                return describe(c);
            }
        }
        String line = describe(e);
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null && !line.contains(cause.getMessage())
                && !(e instanceof dictbench.dataset.FormatException)) {
            line += " (" + describe(cause) + ")";
        }
        return line.replace('\n', ' ');
    }

    private static String describe(Throwable e) {
        if (e instanceof FileSystemException fs && fs.getReason() == null) { // the JDK gives only the path: say what it means
            return fs.getFile() + switch (fs) {
                case NoSuchFileException x -> ": no such file or directory";
                case AccessDeniedException x -> ": permission denied";
                case FileAlreadyExistsException x -> ": already exists, and is not the directory that was to be made there; "
                        + "give a directory, or move the file away";
                case NotDirectoryException x -> ": not a directory; give a directory";
                case DirectoryNotEmptyException x -> ": the directory is not empty";
                default -> ": " + fs.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
            };
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: " + e.getMessage() + "; give the JVM more heap (DICTBENCH_CLI_HEAP=-Xmx8g)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
