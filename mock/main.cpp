// chatadmin-mock: a local stand-in for the Bitrix24, Green API and Telegram endpoints.

#include "router.hpp"
#include "server.hpp"
#include "tls_cert.hpp"
#include "world.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>

namespace {

constexpr const char* usage = R"(usage: chatadmin-mock [options]

  --listen HOST:PORT   address to serve on (default 127.0.0.1:0; port 0 picks a free one)
  --tls                serve HTTPS with a self-signed certificate generated at start
  --tls-cert FILE      serve HTTPS with this certificate (PEM; needs --tls-key)
  --tls-key FILE       the certificate's private key (PEM)
  --cert-dir DIR       where --tls writes its certificate and key (default: a new temp dir)
  --world FILE         load this world instead of the embedded one (schema: mock/README.md)
  --print-world        print the embedded world as JSON and exit
  --rate-limit         apply the documented rate limits (Bitrix24 2/s burst 50; Green API 10/s)
  --max-body BYTES     largest request body accepted before 413 (default 1048576)
  --threads N          connection threads (default 128; each keep-alive connection holds one)
  --quiet              no access log
  --print-curl         print ready-to-paste curl lines for the five methods once listening
  --help               this text

Prints "chatadmin-mock listening on http://HOST:PORT" (or https://) once it accepts
connections. SIGINT and SIGTERM stop it with exit status 0.
)";

void print_curl(const std::string& url, bool tls) {
    const std::string k = tls ? "-k " : "";
    std::cout << "\n# imbot.chat.setManager (Bitrix24 webhook)\n"
              << "curl " << k << "-s " << url << "/rest/1/mockhook/imbot.chat.setManager.json -H 'Content-Type: application/json' "
              << "-d '{\"CHAT_ID\":2725,\"USER_ID\":1269,\"IS_MANAGER\":\"Y\",\"CLIENT_ID\":\"mockclient\"}'\n"
              << "# sonet_group.user.update\n"
              << "curl " << k << "-s " << url << "/rest/1/mockhook/sonet_group.user.update.json -H 'Content-Type: application/json' "
              << "-d '{\"GROUP_ID\":69,\"USER_ID\":[1271,1272],\"ROLE\":\"E\"}'\n"
              << "# im.department.managers.get\n"
              << "curl " << k << "-s '" << url << "/rest/1/mockhook/im.department.managers.get.json?ID[0]=3&ID[1]=7&USER_DATA=Y'\n"
              << "# setGroupAdmin (Green API, WhatsApp form)\n"
              << "curl " << k << "-s " << url << "/waInstance1101000001/setGroupAdmin/mocktoken -H 'Content-Type: application/json' "
              << "-d '{\"groupId\":\"120363043968066561@g.us\",\"participantChatId\":\"79001234567@c.us\"}'\n"
              << "# channels.editAdmin (Telegram, TL body: layer-228 constructor, rank \"mod\")\n"
              << "printf '\\x68\\xad\\x98\\x9a\\x01\\x00\\x00\\x00\\x28\\xec\\x5a\\xf3\\xd2\\x02\\x96\\x49\\x00\\x00\\x00\\x00"
                 "\\x08\\x07\\x06\\x05\\x04\\x03\\x02\\x01\\xc6\\x58\\x11\\xf2\\xb1\\x68\\xde\\x3a\\x00\\x00\\x00\\x00"
                 "\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xd5\\x24\\xb2\\x5f\\x99\\x00\\x00\\x00\\x03\\x6d\\x6f\\x64' | "
              << "curl " << k << "-s " << url << "/telegram/api -H 'Content-Type: application/octet-stream' --data-binary @- | xxd\n"
              << std::endl;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

int main(int argc, char** argv) {
    using namespace chatadmin::mock;
    server_options so;
    router_options ro;
    std::string world_file, cert_dir;
    bool print_curl_lines = false;

    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "chatadmin-mock: " << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        try {
            if (a == "--help" || a == "-h") { std::cout << usage; return 0; }
            else if (a == "--listen") {
                std::string v = value();
                auto colon = v.rfind(':');
                if (colon == std::string::npos) throw std::invalid_argument("--listen wants HOST:PORT");
                so.host = v.substr(0, colon);
                so.port = std::stoi(v.substr(colon + 1));
                if (so.port < 0 || so.port > 65535) throw std::invalid_argument("port out of range");
            }
            else if (a == "--tls") so.tls = true;
            else if (a == "--tls-cert") { so.cert_path = value(); so.tls = true; }
            else if (a == "--tls-key") { so.key_path = value(); so.tls = true; }
            else if (a == "--cert-dir") cert_dir = value();
            else if (a == "--world") world_file = value();
            else if (a == "--print-world") { std::cout << default_world_json(); return 0; }
            else if (a == "--rate-limit") ro.rate_limit = true;
            else if (a == "--max-body") { so.max_body = std::stoul(value()); ro.max_body = so.max_body; }
            else if (a == "--threads") so.threads = std::max(1, std::stoi(value()));
            else if (a == "--quiet") so.quiet = true;
            else if (a == "--print-curl") print_curl_lines = true;
            else { std::cerr << "chatadmin-mock: unknown option " << a << "\n" << usage; return 2; }
        } catch (const std::exception& e) {
            std::cerr << "chatadmin-mock: " << a << ": " << e.what() << "\n";
            return 2;
        }
    }

    try {
        world w = world_file.empty() ? default_world() : [&] {
            auto parsed = parse_world(read_file(world_file));
            if (!parsed) throw std::runtime_error(world_file + ": " + parsed.error().to_string());
            return std::move(*parsed);
        }();
        if (so.tls && (so.cert_path.empty() != so.key_path.empty()))
            throw std::runtime_error("--tls-cert and --tls-key go together");
        if (so.tls && so.cert_path.empty()) {
            if (cert_dir.empty()) {
                char tmpl[] = "/tmp/chatadmin-mock-XXXXXX";
                if (!mkdtemp(tmpl)) throw std::runtime_error("cannot create a directory for the certificate");
                cert_dir = tmpl;
            }
            auto files = make_self_signed(cert_dir);
            so.cert_path = files.cert_path;
            so.key_path = files.key_path;
            std::cout << "chatadmin-mock certificate " << so.cert_path << std::endl;
        }

        // Signals are taken by one thread with sigwait, so the server stops from a normal thread.
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set, nullptr);

        router r(std::move(w), ro);
        server s(r, so);
        if (s.bind() < 0) throw std::runtime_error("cannot listen on " + so.host + ":" + std::to_string(so.port));
        std::thread serving([&] { s.listen(); });
        s.wait_until_ready();
        std::cout << "chatadmin-mock listening on " << s.url() << std::endl;
        if (print_curl_lines) print_curl(s.url(), so.tls);

        int sig = 0;
        sigwait(&set, &sig);
        s.stop();
        serving.join();
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "chatadmin-mock: " << e.what() << "\n";
        return 1;
    }
}
