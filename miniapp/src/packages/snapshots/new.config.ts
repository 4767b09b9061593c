export default definePageConfig({ navigationBarTitleText: '拍一拍' });
