# Build: docker build -t opencommune .
# Run:   docker run -p 8080:8080 -v opencommune-data:/app/tenants opencommune
FROM swift:6.2-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev libstemmer-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Benchmarks ./Benchmarks
COPY Tests ./Tests
RUN swift build -c release --product opencommune --static-swift-stdlib \
 && mkdir /out && cp .build/release/opencommune /out/ && cp -R .build/release/*.resources /out/

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-0 libstemmer0d msmtp ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* && useradd --system --home /app opencommune
WORKDIR /app
# the executable finds its templates, strings and CSS in the *.resources bundles beside it
COPY --from=build /out/ /app/
COPY config /app/config
RUN mkdir -p /app/tenants && chown opencommune /app/tenants
USER opencommune
VOLUME /app/tenants
ENV OPENCOMMUNE_DATA_DIR=/app/tenants
EXPOSE 8080
CMD ["/app/opencommune", "serve", "--hostname", "0.0.0.0", "--port", "8080"]
