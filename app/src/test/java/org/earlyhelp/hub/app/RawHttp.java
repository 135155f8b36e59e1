package org.earlyhelp.hub.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 by hand, for what a client library will not do: declare a body and send only part of it, so a test can
 * tell a server that decides from the headers (it answers at once) from one that reads the body first (it waits).
 */
final class RawHttp {

    private RawHttp() {}

    /** The answer's status and headers, or -1 when none came within {@code wait}. */
    record Answer(int status, String head) {}

    /**
     * Sends the request line and headers, declaring {@code declaredLength} body bytes (or chunked when negative),
     * then only {@code sent} bytes of body, and reads the status line without sending the rest.
     */
    static Answer partial(
            int port, String method, String path, String token, long declaredLength, int sent, Duration wait)
            throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout((int) wait.toMillis());
            OutputStream out = s.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            head.append(
                    declaredLength < 0
                            ? "Transfer-Encoding: chunked\r\n"
                            : "Content-Length: " + declaredLength + "\r\n");
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] body = new byte[sent];
            java.util.Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            if (declaredLength < 0) {
                out.write((Integer.toHexString(sent) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may close once it has answered; its answer is still there to read
            }
            return readHead(s.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Answer(-1, "");
        }
    }

    private static Answer readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                break;
            }
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Answer(-1, text);
        }
        return new Answer(Integer.parseInt(text.substring(9, 12)), text);
    }
}
