package org.vascalc.cli.web;

import io.javalin.http.UploadedFile;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;

/**
 * One uploaded file as the servlet container hands it over, for the CT page's upload tests; subclass it to
 * make {@link #getInputStream} fail or wait.
 */
class BytesPart implements Part {
    private final String name;
    private final byte[] bytes;

    BytesPart(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes.clone();
    }

    /** The file as the web app's handlers receive it. */
    static UploadedFile upload(String name, byte[] bytes) {
        return new UploadedFile(new BytesPart(name, bytes));
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public String getContentType() {
        return "application/dicom";
    }

    @Override
    public String getName() {
        return "files";
    }

    @Override
    public String getSubmittedFileName() {
        return name;
    }

    @Override
    public long getSize() {
        return bytes.length;
    }

    @Override
    public void write(String fileName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete() {
    }

    @Override
    public String getHeader(String header) {
        return null;
    }

    @Override
    public Collection<String> getHeaders(String header) {
        return List.of();
    }

    @Override
    public Collection<String> getHeaderNames() {
        return List.of();
    }
}
