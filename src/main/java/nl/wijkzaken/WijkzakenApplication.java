package nl.wijkzaken;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WijkzakenApplication {

    public static void main(String[] args) {
        SpringApplication.run(WijkzakenApplication.class, args);
    }
}
