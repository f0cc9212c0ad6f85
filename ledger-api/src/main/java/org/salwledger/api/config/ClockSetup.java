package org.salwledger.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
public class ClockSetup {
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
