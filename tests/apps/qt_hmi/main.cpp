// A small Qt Quick HMI for the tests: known colour blocks at known places, and with
// --ticking a block that flips colour once a second (a small damaged region).

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>

static const char* kScene = R"QML(
import QtQuick
import QtQuick.Window

Window {
    id: root
    visible: true
    visibility: Window.FullScreen
    color: "#203040"
    Rectangle { x: 40;  y: 40; width: 200; height: 120; color: "#c83232" }
    Rectangle { x: 280; y: 40; width: 200; height: 120; color: "#32c832" }
    Rectangle { x: 520; y: 40; width: 200; height: 120; color: "#3232c8" }
    Rectangle {
        id: ticker
        property bool lit: false
        x: 40; y: 200; width: 120; height: 120
        color: lit ? "#f0f0f0" : "#101010"
    }
    Timer {
        interval: 1000; repeat: true; running: ticking
        onTriggered: ticker.lit = !ticker.lit
    }
}
)QML";

int main(int argc, char** argv) {
  QGuiApplication app(argc, argv);
  QQmlApplicationEngine engine;
  engine.rootContext()->setContextProperty("ticking", app.arguments().contains("--ticking"));
  engine.loadData(kScene);
  if (engine.rootObjects().isEmpty()) return 1;
  return app.exec();
}
