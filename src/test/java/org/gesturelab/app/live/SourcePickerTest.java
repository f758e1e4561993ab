package org.gesturelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.app.common.CurrentThreadExecutor;
import org.junit.jupiter.api.Test;

class SourcePickerTest {

    private final SourcePicker picker = new SourcePicker(new LiveFeed(null), new CurrentThreadExecutor(),
            Runnable::run);

    private List<String> labels() {
        return picker.sources().stream().map(SourceChoice::label).toList();
    }

    @Test
    void theSameVideoTwiceIsOneEntryAndSameNamesFromOtherFoldersAreTold() {
        picker.addVideo(Path.of("/data/S1/greeting.avi"));
        picker.addVideo(Path.of("/data/S1/greeting.avi"));
        picker.addVideo(Path.of("/data/S2/greeting.avi"));
        assertEquals(List.of("Video: greeting.avi  (S2)", "Video: greeting.avi", "Test pattern"), labels());
        picker.addVideo(Path.of("/data/S1/greeting.avi"));
        assertEquals(List.of("Video: greeting.avi", "Video: greeting.avi  (S2)", "Test pattern"), labels());
        assertEquals("/data/S1/greeting.avi", picker.selectedProperty().get().spec());
    }

    @Test
    void onlyTheLatestVideosAreKept() {
        for (int i = 0; i < 8; i++) {
            picker.addVideo(Path.of("/data/clip" + i + ".mp4"));
        }
        assertEquals(SourcePicker.MAX_VIDEOS + 1, picker.sources().size());
        assertEquals("Video: clip7.mp4", labels().get(0));
    }
}
