package org.earlyhelp.hub.app.intake;

import jakarta.validation.Validator;
import java.util.List;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The strict reader for every request body, first among the message converters, and the one error shape. */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration implements WebMvcConfigurer {

    private final StrictJsonReader reader;

    public StrictJsonConfiguration(Validator validator) {
        this.reader = new StrictJsonReader(validator);
    }

    /** The hub's one strict reader, for controllers that read their body themselves. */
    @Bean
    public StrictJsonReader strictJsonReader() {
        return reader;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new StrictJsonMessageConverter(reader));
    }

    /** {@code /error} (failures outside any controller) answers in the same shape, without the request path. */
    @Bean
    public ErrorAttributes errorAttributes() {
        return new HubErrorAttributes();
    }
}
