package org.earlyhelp.hub.app.intake;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;

/**
 * Reads every {@code @RequestBody} with the hub's one {@link StrictJsonReader}, so no endpoint can fall back to
 * Jackson's lenient defaults (unknown keys ignored, {@code 12345} taken as a name). Read-only: responses are written by
 * Spring's usual converter. A refusal is thrown as the reader's {@code RequestRejected}, answered by
 * {@link HubErrorAdvice}.
 */
final class StrictJsonMessageConverter extends AbstractGenericHttpMessageConverter<Object> {

    private final StrictJsonReader reader;

    StrictJsonMessageConverter(StrictJsonReader reader) {
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        this.reader = reader;
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return canRead(mediaType) && !(type instanceof Class<?> c && (c == String.class || c == byte[].class));
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
        return getSupportedMediaTypes();
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        return reader.read(input.getBody(), type);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        return reader.read(input.getBody(), clazz);
    }

    @Override
    protected void writeInternal(Object o, Type type, HttpOutputMessage output) {
        throw new UnsupportedOperationException("read-only converter");
    }
}
