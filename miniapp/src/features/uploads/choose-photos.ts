import Taro from '@tarojs/taro';

/**
 * Lets the resident pick photos from the album or the camera. `compressed` makes iPhones hand over
 * JPEG instead of HEIC, which the BFF cannot decode (and saves their data plan).
 */
export async function choosePhotos(count: number): Promise<string[]> {
  const res = await Taro.chooseMedia({
    count,
    mediaType: ['image'],
    sizeType: ['compressed'],
    sourceType: ['album', 'camera'],
  });
  return res.tempFiles.map((f) => f.tempFilePath);
}
